// One statement on its own connection (create or drop a bench's schema or database): the benches
// share this rather than each keeping a copy.
import pg from 'pg';

export async function pgAdmin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
