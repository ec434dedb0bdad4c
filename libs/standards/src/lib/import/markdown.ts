/** Markdown as pasted standards carry it: one line at a time. */

/** Markdown to plain text for one line: links, autolinks, emphasis, heading marks. */
export function cleanMarkdownLine(line: string): string {
  return line
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/!?\[([^\]]*)\]\(([^)\s]*)\)/g, (_, text: string, url: string) => text || url)
    .replace(/<((?:https?|mailto):[^>\s]+)>/gi, (_, url: string) => url.replace(/^mailto:/i, ''))
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/^\s*(\*\*|__)|(\*\*|__)\s*$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
