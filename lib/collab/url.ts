/** The collaboration websocket's URL prefix on this page's origin (the session cookie or a share token authenticates). */
export function collabUrl(): string {
  return `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/collab`;
}
