// The month arithmetic of the retention periods, shared by the server's job and the staff app:
// whole calendar months keep the day or fall back to the month's last day, and the day the staff
// app names for a round's deletion is exactly the first day the job's rule deletes it.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/shared/dates';
import { addMonths, answerDeletionDate } from '../../src/shared/months';

/** The job's rule (server/retention/answer-retention.ts): due once publishedOn <= today - months. */
const isDue = (publishedOn: string, today: string, months: number) =>
  publishedOn <= addMonths(today, -months);

describe('months', () => {
  it('adds whole calendar months, and falls back to the last day of a shorter month', () => {
    expect(addMonths('2026-03-10', 24)).toBe('2028-03-10');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });

  it('names the first day the retention job deletes, for every day of three years', () => {
    for (const months of [1, 2, 12, 24, 120]) {
      for (let day = '2024-01-01'; day < '2027-01-01'; day = addDays(day, 1)) {
        const deletion = answerDeletionDate(day, months);
        expect(isDue(day, deletion, months), `${day} + ${months}`).toBe(true);
        expect(isDue(day, addDays(deletion, -1), months), `${day} + ${months}`).toBe(false);
      }
    }
    expect(answerDeletionDate('2026-03-10', 24)).toBe('2028-03-10');
    expect(answerDeletionDate('2026-01-31', 1)).toBe('2026-03-01');
  });
});
