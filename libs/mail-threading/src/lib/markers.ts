/** Removes marker tokens (possibly quoted) from a text, for display. */
export function removeMarkerLines(text: string): string {
  return text
    .replace(/^[ \t>]*\[ref:[A-Za-z0-9]{2,12}-\d{4}-\d{6}:(?:[0-9a-fA-F]{8}){1,2}\][ \t]*$/gm, '')
    .replace(/\[ref:[A-Za-z0-9]{2,12}-\d{4}-\d{6}:(?:[0-9a-fA-F]{8}){1,2}\]/g, '');
}
