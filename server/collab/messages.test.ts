import { describe, expect, it } from "vitest";
import { encodeSaveRequest, MESSAGE_AUTH } from "@/lib/collab/protocol";
import { ProtocolError, parseClientMessage } from "./messages";

const kindOf = (data: number[]) => {
  try {
    return parseClientMessage(new Uint8Array(data)).kind;
  } catch (error) {
    return error instanceof ProtocolError ? `${error.kind}: ${error.message}` : "crash";
  }
};

describe("parseClientMessage", () => {
  it("reads save requests with and without the sender's client id", () => {
    expect(parseClientMessage(encodeSaveRequest(7))).toEqual({ kind: "save-request", nonce: 7, clientId: null });
    expect(parseClientMessage(encodeSaveRequest(7, 123456789))).toEqual({
      kind: "save-request",
      nonce: 7,
      clientId: 123456789,
    });
  });

  it("rejects truncated, trailing, unknown and auth messages with the kind of error", () => {
    expect(kindOf([])).toBe("malformed: truncated or invalid message");
    expect(kindOf([0, 0, 5, 1])).toBe("malformed: truncated or invalid message"); // length 5, 1 byte
    expect(kindOf([3, 9])).toBe("malformed: trailing bytes after message");
    expect(kindOf([0, 7, 0])).toBe("malformed: unknown sync message type 7");
    expect(kindOf([42])).toBe("unsupported: unsupported message type 42");
    expect(kindOf([MESSAGE_AUTH, 0])).toMatch(/^unsupported: auth messages/);
    expect(kindOf([100, 1, 1, 1])).toBe("malformed: trailing bytes after message");
    expect(kindOf([0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f])).toMatch(/^malformed/);
  });
});
