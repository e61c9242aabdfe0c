/**
 * User-timing marks of the matrix (visible in the browser's performance panel and read by
 * `npm run bench:matrix`):
 * - "matrix:data"     the browser starts decoding the matrix data the page handed over (during
 *                     hydration): the client's share begins here;
 * - "matrix:rendered" the first frame after the grid was committed to the DOM has been painted.
 */
/** Marks "matrix:data"; called before the payload is decoded, so decoding is counted. */
export function markMatrixData(): void {
  if (typeof performance !== "undefined" && typeof window !== "undefined") performance.mark("matrix:data");
}

/** Marks "matrix:rendered" once the frame that shows the committed grid has been painted. */
export function markMatrixRendered(): void {
  if (typeof window === "undefined") return;
  requestAnimationFrame(() => {
    // A message posted from a frame callback runs after that frame's paint.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => performance.mark("matrix:rendered");
    channel.port2.postMessage(null);
  });
}
