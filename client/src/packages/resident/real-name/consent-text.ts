/**
 * 《个人敏感信息处理授权书》 comes from the server (`GET /api/consents/sensitive-pi`) with its
 * version: the page shows exactly those words and sends that version back, so the version stored
 * with the consent is the text the resident read. Nothing of the text lives in the app.
 */
export interface ConsentSection {
  heading: string;
  text: string;
}

/** Sections are separated by a blank line; a section's first line is its heading. */
export function consentSections(text: string | undefined): ConsentSection[] {
  return (text ?? '')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => {
      const [first, ...rest] = block.split('\n');
      return rest.length > 0 ? { heading: first.trim(), text: rest.join('\n').trim() } : { heading: '', text: first.trim() };
    });
}

/** The title to show before the document has loaded (e.g. in messages). */
export const DEFAULT_CONSENT_TITLE = '个人敏感信息处理授权书';
