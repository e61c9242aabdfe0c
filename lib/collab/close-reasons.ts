import { CLOSE } from "./protocol";

/**
 * Server closes after which reconnecting at once would only repeat the failure: y-websocket's own
 * rule (44xx) plus 1009, which the server's websocket library sends for an oversized frame without
 * any say of ours. Retrying those would reconnect several times a second forever.
 */
export function shouldReconnect(event: { code: number }): boolean {
  if (event.code === CLOSE.messageTooBig) return false;
  return !(event.code >= 4400 && event.code < 4500);
}

/**
 * What to tell the user after the server closed the connection for good because of something
 * this editor sent (null for closes that need no explanation here, such as access changes, which
 * the editor explains itself). `reason` is the server's close reason.
 */
export function describeClose(code: number, reason: string): string | null {
  const detail = /\(([^)]*)\)/.exec(reason)?.[1];
  switch (code) {
    case CLOSE.changeTooLarge:
    case CLOSE.messageTooBig:
      return (
        `This change is too large to save${detail ? ` (${detail})` : ""}. Copy it elsewhere, remove it ` +
        "from the briefing (or split it into smaller parts), then reconnect. Changes after it are not saved either."
      );
    case CLOSE.tooMuchData:
      return (
        `Changes arrived faster than the server accepts${detail ? ` (${detail})` : ""}. ` +
        "Your changes are kept in this browser: wait a minute, then reconnect."
      );
    case CLOSE.suggestionsOnly:
      return (
        "The owner allows only suggestions on this briefing, and a change that was not a suggestion was refused. " +
        "Copy what you need, then reload the page."
      );
    case CLOSE.clientIdInUse:
      return "Another connection is writing under this editing session's identity. Reload the page to keep saving.";
    default:
      return null;
  }
}
