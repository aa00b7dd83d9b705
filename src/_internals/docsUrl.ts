/**
 * Where the kit's documentation site is published. Every lint diagnostic carries the address of
 * its code's page under it (`docsUrl`), so an editor, a CI log or the CLI can link straight to
 * the wrong and the right example. Change this one constant if the site moves.
 */
export const DOCS_BASE_URL = 'https://aws-event-kit.dev';

/** The page of one lint code: `templates` for `lintPipeTemplate`/`lintRuleTemplate`, `patterns` for `lintEventPattern`. */
export function lintDocsUrl(kind: 'templates' | 'patterns', code: string): string {
  return `${DOCS_BASE_URL}/lint/${kind}/${code}`;
}
