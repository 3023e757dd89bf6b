// The README's "Guessing one-time codes" figures, computed from the code format and the limits
// themselves, so the README cannot drift from the code.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { GUESS_LIMITS } from '../../src/server/codes/code-attempts';
import { CODE_ALPHABET, CODE_DATA_LENGTH } from '../../src/shared/codes';

/** The unused codes the README assumes on one server: more than any municipality has employees. */
const VALID_CODES = 100_000;
const ATTACKER_ADDRESSES = 1_000;
const HOURS_PER_YEAR = 365.25 * 24;

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const start = readme.indexOf('## Guessing one-time codes');
const section = readme.slice(start, readme.indexOf('\n## ', start + 1)).replace(/\s+/g, ' ');
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

it('states the expected time to a first valid code for one client and for 1,000 addresses, in years', () => {
  // The check character is fixed by the 8 data characters: it only tells a guesser what to skip.
  const wellFormed = CODE_ALPHABET.length ** CODE_DATA_LENGTH;
  const guessesPerHit = wellFormed / VALID_CODES;
  const perHour = GUESS_LIMITS.windowMinutes / 60;
  const oneClient = GUESS_LIMITS.perClient / perHour;
  // Many addresses share the round's budget (answers) and the server's (code checks).
  const many = Math.min(
    ATTACKER_ADDRESSES * oneClient,
    (GUESS_LIMITS.perRound + GUESS_LIMITS.perServerCheck) / perHour,
  );
  const oneClientHours = guessesPerHit / oneClient;
  const manyHours = guessesPerHit / many;
  expect(section).toContain(`${CODE_ALPHABET.length}^${CODE_DATA_LENGTH} = ${fmt(wellFormed)}`);
  expect(section).toContain(`${fmt(VALID_CODES)} unused codes`);
  expect(section).toContain(`one guess in ${fmt(guessesPerHit)}`);
  expect(section).toContain(
    `${oneClient} guesses an hour: ${fmt(oneClientHours)} hours, about ${(oneClientHours / HOURS_PER_YEAR).toFixed(1)} years`,
  );
  expect(section).toContain(
    `${many} guesses an hour in all: ${fmt(manyHours)} hours, about ${(manyHours / HOURS_PER_YEAR).toFixed(1)} years`,
  );
  expect(manyHours / HOURS_PER_YEAR).toBeGreaterThan(1);
});
