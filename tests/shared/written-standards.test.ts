// Nynorsk and bokmål are kept apart in every text the product shows: each UI namespace in
// locales/, the questionnaire (statements, background questions and their options, the open
// question) and the report's own labels. A word form that exists in one written standard only
// betrays a sentence copied from the other, or a slip while translating. The lists are word forms,
// matched as whole words, and grow with every slip a reader finds.
import { describe, expect, it } from 'vitest';
import type { LocalizedText } from '../../src/shared/languages';
import { DEFAULT_QUESTIONNAIRE } from '../../src/shared/questionnaire/default-v1';
import { DECLINED_LABEL } from '../../src/server/reports/analyse';
import { namespaces, readFlat, whole } from '../support/locales';

// prettier-ignore
const BOKMAL_ONLY = [
  'ikke', 'jeg', 'hva', 'hvordan', 'hvorfor', 'hvem', 'hvilke', 'hvis', 'mye', 'også', 'noe', 'noen',
  'selv', 'bare', 'hverandre', 'bedre', 'leder', 'lederen', 'ledere', 'ledelse', 'mestring',
  'oppgave', 'oppgaver', 'arbeidsoppgaver', 'gjør', 'gjøre', 'gir', 'villig', 'forklarer',
  'enhet', 'enheten', 'enheter', 'enhetene', 'tjeneste', 'tjenester', 'ansatte', 'ble', 'fikk',
  'dager', 'navn', 'lenke', 'undersøkelsen', 'tillitsvalgt', 'verneombud', 'tilbakemeldinger',
  'tjeneren', 'tenaren', 'faktorene', 'mulig', 'muligheter', 'mulighet', 'mestre', 'hver', 'egen',
  'egne', 'løsning', 'siden', 'koder', 'runder',
];
// prettier-ignore
const NYNORSK_ONLY = [
  'ikkje', 'eg', 'kva', 'korleis', 'kvifor', 'kven', 'mykje', 'òg', 'noko', 'nokon', 'berre',
  'leiar', 'leiaren', 'leiing', 'meistring', 'oppgåve', 'oppgåver', 'eining', 'eininga',
  'einingar', 'einingane', 'teneste', 'tenester', 'vart', 'gjev', 'frå', 'enno', 'heile', 'kommunen sin',
  'undersøkinga', 'fremdrift', 'lesefremdrift',
];

type Texts = [where: string, text: string][];

function uiTexts(lng: 'nb' | 'nn'): Texts {
  return namespaces().flatMap((ns) =>
    [...readFlat(lng, ns)].map(([key, text]): [string, string] => [`${ns}:${key}`, text]),
  );
}

function productTexts(lng: 'nb' | 'nn'): Texts {
  const { statements, background, openQuestion } = DEFAULT_QUESTIONNAIRE;
  const localized: [string, LocalizedText][] = [
    ...statements.map((s): [string, LocalizedText] => [`statement ${s.id}`, s.text]),
    ...background.flatMap((q): [string, LocalizedText][] => [
      [`background ${q.id}`, q.label],
      ...q.options.map((o): [string, LocalizedText] => [`background ${q.id} option ${o.value}`, o.label]),
    ]),
    ['openQuestion.label', openQuestion.label],
    ['openQuestion.warning', openQuestion.warning],
    ['report DECLINED_LABEL', DECLINED_LABEL],
  ];
  return [...uiTexts(lng), ...localized.map(([where, text]): [string, string] => [where, text[lng]])];
}

function slips(texts: Texts, forbidden: readonly string[]): string[] {
  return texts.flatMap(([where, text]) =>
    forbidden.filter((w) => whole(w).test(text)).map((w) => `${where}: "${w}"`),
  );
}

describe('written standards', () => {
  it('finds every UI namespace and the questionnaire to check', () => {
    expect(namespaces()).toEqual(
      expect.arrayContaining(['admin', 'cards', 'common', 'factors', 'reports', 'survey']),
    );
    expect(productTexts('nn').length).toBeGreaterThan(500);
  });

  it('nynorsk holds no bokmål-only word form anywhere', () => {
    expect(slips(productTexts('nn'), BOKMAL_ONLY)).toEqual([]);
  });

  it('bokmål holds no nynorsk-only word form anywhere', () => {
    expect(slips(productTexts('nb'), NYNORSK_ONLY)).toEqual([]);
  });

  it('the check catches a slip (the rule is not vacuous)', () => {
    expect(slips([['x', 'Leiaren min gir meg tid.']], BOKMAL_ONLY)).toEqual(['x: "gir"']);
    expect(slips([['y', 'Lederen gjev meg tid.']], NYNORSK_ONLY)).toEqual(['y: "gjev"']);
  });
});
