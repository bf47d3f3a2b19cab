/** Environment variable holding the SEC User-Agent contact. */
export const SEC_USER_AGENT_ENV = "RERATE_SEC_USER_AGENT";

/**
 * Why a User-Agent is not acceptable to the SEC (which asks for a name and a contact e-mail), or undefined.
 * The value itself is never echoed: it is a contact detail.
 * @example checkSecUserAgent("Jane Analyst jane@example.com") // undefined
 */
export function checkSecUserAgent(value: string): string | undefined {
  const v = value.trim();
  if (!/[^\s@]+@[^\s@]+\.[^\s@]+/.test(v) || !/\S+\s+\S+/.test(v)) {
    return 'must name you or your organisation and give a contact e-mail, e.g. "Jane Analyst jane@example.com" (SEC fair-access policy)';
  }
  return undefined;
}
