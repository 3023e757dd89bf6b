// The explicit list of migrations, in order. Add a file and a line here; never edit or remove a
// migration that has shipped — databases in the field have already run it. A new migration takes
// its type from ./dialect-migration, never from here (that would be an import cycle).
import { migration001 } from './001-init';
import { migration002 } from './002-accounts';
import { migration003 } from './003-organisation';
import type { DialectMigration } from './dialect-migration';
import { migration004 } from './004-reports';
import { migration005 } from './005-server-meta';
import { migration006 } from './006-guess-limits';
import { migration007 } from './007-ingest-rules';
import { migration008 } from './008-round-names';
import { migration009 } from './009-round-frames';
import { migration010 } from './010-background-profiles';
import { migration011 } from './011-sealed-inbox';
import { migration012 } from './012-follow-up-plans';
import { migration013 } from './013-round-preparation';
import { migration014 } from './014-operator';
import { migration016 } from './016-national-releases';
import { migration017 } from './017-meetings';
import { migration018 } from './018-audit-and-retention';
import { migration019 } from './019-oidc';
import { migration020 } from './020-background-breakdowns';
import { migration021 } from './021-record-contacts';

export const MIGRATIONS: Readonly<Record<string, DialectMigration>> = {
  '001-init': migration001,
  '002-accounts': migration002,
  '003-organisation': migration003,
  '004-reports': migration004,
  '005-server-meta': migration005,
  '006-guess-limits': migration006,
  '007-ingest-rules': migration007,
  '008-round-names': migration008,
  '009-round-frames': migration009,
  '010-background-profiles': migration010,
  '011-sealed-inbox': migration011,
  '012-follow-up-plans': migration012,
  '013-round-preparation': migration013,
  '014-operator': migration014,
  '016-national-releases': migration016,
  '017-meetings': migration017,
  '018-audit-and-retention': migration018,
  '019-oidc': migration019,
  '020-background-breakdowns': migration020,
  '021-record-contacts': migration021,
};
