import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET } from "./route";

const V1 = path.resolve(import.meta.dirname, "..");

// The route file that serves an OpenAPI path ("/api/v1/briefings/{id}" -> briefings/[id]/route.ts).
function routeFile(apiPath: string): string {
  const relative = apiPath.replace(/^\/api\/v1\//, "").replace(/\{(\w+)\}/g, "[$1]");
  return path.join(V1, relative, "route.ts");
}

describe("GET /api/v1/openapi.json", () => {
  it("describes every /api/v1 route, and only existing ones, with methods the route exports", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toBe("3.1.0");
    const described = Object.keys(doc.paths);
    for (const apiPath of described) {
      const file = routeFile(apiPath);
      expect(fs.existsSync(file), apiPath).toBe(true);
      const source = fs.readFileSync(file, "utf8");
      for (const method of Object.keys(doc.paths[apiPath])) {
        expect(source, `${method} ${apiPath}`).toMatch(new RegExp(`export (const|async function) ${method.toUpperCase()}\\b`));
      }
    }
    const routes = fs
      .readdirSync(V1, { recursive: true, encoding: "utf8" })
      .filter((file) => path.basename(file) === "route.ts")
      .map((file) => `/api/v1/${path.dirname(file)}`.replace(/\[(\w+)\]/g, "{$1}"))
      .filter((p) => p !== "/api/v1/openapi.json");
    expect(described.sort()).toEqual(routes.sort());
  });

  it("takes request shapes from the zod schemas the handlers parse with", async () => {
    const doc = await (await GET()).json();
    const create = doc.paths["/api/v1/briefings"].post.requestBody.content["application/json"].schema;
    expect(create).toMatchObject({
      type: "object",
      required: ["title"],
      additionalProperties: false,
      properties: { title: { maxLength: 200 }, markdown: { type: "string" } },
    });
    const grant = doc.paths["/api/v1/briefings/{id}/grants"].post.requestBody.content["application/json"].schema;
    expect(grant.properties.role.enum).toEqual(["viewer", "commenter", "editor"]);
    const content = doc.paths["/api/v1/briefings/{id}/content"].get.parameters;
    expect(content).toContainEqual(
      expect.objectContaining({ name: "format", in: "query", required: true, schema: expect.objectContaining({ enum: ["md", "html", "text", "json"] }) }),
    );
    expect(doc.paths["/api/v1/compare"].get.parameters.map((p: { name: string }) => p.name)).toContain("frameworks");
    expect(doc.components.schemas.Error.properties.error.required).toEqual(["code", "message"]);
  });
});
