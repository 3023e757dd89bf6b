// The CSV files staff download (code links, report tables): the cells and the file's text are
// src/shared/csv.ts (the server's audit-log export uses the same guard); this adds the download.
export { csvCell, csvNumberCell, csvText } from '../../shared/csv';

/** Hands the text to the browser as a file download. */
export function downloadText(text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the object URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
