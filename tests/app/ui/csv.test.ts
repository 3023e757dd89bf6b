import { describe, expect, it } from 'vitest';
import { csvCell, csvNumberCell } from '../../../src/app/ui/csv';

describe('csvCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+47 123', "'+47 123"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['Solbakken', 'Solbakken'],
    ['a;b', '"a;b"'],
    ['si "hei"', '"si ""hei"""'],
    ['=A1;B1', `"'=A1;B1"`],
  ])('%j → %j', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  // Spreadsheets skip leading blanks and read full-width and small forms as ASCII operators.
  it.each([
    [' =1+1', "' =1+1"],
    ['   @cmd', "'   @cmd"],
    ['\n=HYPERLINK("x")', `"'\n=HYPERLINK(""x"")"`],
    ['\r\n+1', `"'\r\n+1"`],
    ['\u00A0=1+1', "'\u00A0=1+1"],
    ['\u3000=1', "'\u3000=1"],
    ['\uFEFF=1', "'\uFEFF=1"],
    ['\u200B-2', "'\u200B-2"],
    ['\uFF1D1+1', "'\uFF1D1+1"],
    ['\uFF0B1', "'\uFF0B1"],
    ['\uFF0D1', "'\uFF0D1"],
    ['\uFF20SUM', "'\uFF20SUM"],
    ['\uFE66A1', "'\uFE66A1"],
    [' \uFF1DA1', "' \uFF1DA1"],
  ])('guards %j', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it.each(['Avd. 2 = Nord', ' Solbakken', '\u00A0Heimen', 'Æ=1', '½ stilling', 'ＡＢＣ'])(
    'leaves %j alone',
    (input) => {
      expect(csvCell(input)).toBe(input);
    },
  );

  it('leaves plain numbers as numbers and guards anything else in a number cell', () => {
    expect(csvNumberCell('-0,1')).toBe('-0,1');
    expect(csvNumberCell('4,3')).toBe('4,3');
    expect(csvNumberCell(' =1')).toBe("' =1");
  });
});
