"use server";

import { defineAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { recordChange } from "./audit";
import { parseDimensionRow } from "./rows";
import {
  createDimensionSchema,
  createFrameworkSchema,
  deleteAttributeSchema,
  encodeValue,
  setAttributeSchema,
  setMembersSchema,
  updateFrameworkSchema,
} from "./schema";
import { attributeSnapshot, memberSelect } from "./snapshots";

// Every action goes through defineAction: authenticate -> parse -> authorize (catalog:edit) ->
// write (with its audit record, in one transaction) -> revalidate.

const searchTextOf = (f: { name: string; acronym: string | null; slug: string }) =>
  [f.name, f.acronym ?? "", f.slug].join(" ").toLowerCase();

const catalogEdit = { action: "catalog:edit" } as const;
const frameworkPaths = (data: { slug: string }) => ["/frameworks", `/frameworks/${data.slug}`];

export const createFramework = defineAction(
  { schema: createFrameworkSchema, permission: () => catalogEdit, revalidate: frameworkPaths },
  async ({ user, data, db }) => {
    if (await db.framework.findUnique({ where: { slug: data.slug }, select: { id: true } })) {
      throw new AppError("conflict", `The slug "${data.slug}" is already used by another framework.`);
    }
    await db.$transaction(async (tx) => {
      await tx.framework.create({ data: { ...data, searchText: searchTextOf(data) } });
      await recordChange(tx, {
        frameworkSlug: data.slug,
        entity: "framework",
        entityKey: "fields",
        action: "create",
        before: null,
        after: data,
        userId: user.id,
      });
    });
    return { slug: data.slug };
  },
);

export const updateFramework = defineAction(
  { schema: updateFrameworkSchema, permission: () => catalogEdit, revalidate: frameworkPaths },
  async ({ user, data, db }) => {
    await db.$transaction(async (tx) => {
      const current = await tx.framework.findUnique({ where: { slug: data.slug } });
      if (!current) throw new AppError("not_found", "No such framework.");
      const changed = (Object.keys(data) as (keyof typeof data)[]).filter(
        (k) => k !== "slug" && current[k] !== data[k],
      );
      if (changed.length === 0) return;
      await tx.framework.update({ where: { slug: data.slug }, data: { ...data, searchText: searchTextOf(data) } });
      await recordChange(tx, {
        frameworkSlug: data.slug,
        entity: "framework",
        entityKey: "fields",
        action: "update",
        before: Object.fromEntries(changed.map((k) => [k, current[k]])),
        after: Object.fromEntries(changed.map((k) => [k, data[k]])),
        userId: user.id,
      });
    });
    return null;
  },
);

/** Replaces the membership list of a framework. */
export const setMembers = defineAction(
  { schema: setMembersSchema, permission: () => catalogEdit, revalidate: frameworkPaths },
  async ({ user, data, db }) => {
    await db.$transaction(async (tx) => {
      const framework = await tx.framework.findUnique({
        where: { slug: data.slug },
        select: {
          id: true,
          members: { orderBy: { position: "asc" }, select: memberSelect },
        },
      });
      if (!framework) throw new AppError("not_found", "No such framework.");
      if (JSON.stringify(framework.members) === JSON.stringify(data.members)) return;
      await tx.membership.deleteMany({ where: { frameworkId: framework.id } });
      await tx.membership.createMany({
        data: data.members.map((m, position) => ({ ...m, position, frameworkId: framework.id })),
      });
      await tx.framework.update({ where: { id: framework.id }, data: { updatedAt: new Date() } });
      await recordChange(tx, {
        frameworkSlug: data.slug,
        entity: "member",
        entityKey: "members",
        action: "update",
        before: framework.members,
        after: data.members,
        userId: user.id,
      });
    });
    return null;
  },
);

/** Sets one dimension value with its sources (at least one). */
export const setAttributeValue = defineAction(
  { schema: setAttributeSchema, permission: () => catalogEdit, revalidate: frameworkPaths },
  async ({ user, data, db }) => {
    await db.$transaction(async (tx) => {
      const [framework, dimension] = await Promise.all([
        tx.framework.findUnique({ where: { slug: data.slug }, select: { id: true } }),
        tx.dimension.findUnique({ where: { key: data.dimension } }),
      ]);
      if (!framework) throw new AppError("not_found", "No such framework.");
      if (!dimension) throw new AppError("unprocessable", `Unknown dimension "${data.dimension}".`);
      const encoded = encodeValue(parseDimensionRow(dimension), data.value);
      if (!encoded.ok)
        throw new AppError("unprocessable", `${dimension.label}: ${encoded.error}.`, { value: [encoded.error] });
      const where = { frameworkId_dimensionId: { frameworkId: framework.id, dimensionId: dimension.id } };
      const current = await tx.attributeValue.findUnique({
        where,
        include: { sources: { orderBy: { position: "asc" } } },
      });
      const after = attributeSnapshot({
        value: encoded.text,
        note: data.note,
        asOf: data.asOf,
        reviewDue: data.reviewDue,
        sources: data.sources,
      });
      const before = current ? attributeSnapshot(current) : null;
      if (JSON.stringify(before) === JSON.stringify(after)) return;
      const sources = { create: data.sources.map((s, position) => ({ ...s, position })) };
      if (current) {
        await tx.source.deleteMany({ where: { attributeValueId: current.id } });
        await tx.attributeValue.update({
          where: { id: current.id },
          data: { value: encoded.text, note: data.note, asOf: data.asOf, reviewDue: data.reviewDue, sources },
        });
      } else {
        await tx.attributeValue.create({
          data: {
            frameworkId: framework.id,
            dimensionId: dimension.id,
            value: encoded.text,
            note: data.note,
            asOf: data.asOf,
            reviewDue: data.reviewDue,
            sources,
          },
        });
      }
      await tx.framework.update({ where: { id: framework.id }, data: { updatedAt: new Date() } });
      await recordChange(tx, {
        frameworkSlug: data.slug,
        entity: "attribute",
        entityKey: dimension.key,
        action: current ? "update" : "create",
        before,
        after,
        userId: user.id,
      });
    });
    return null;
  },
);

export const deleteAttributeValue = defineAction(
  { schema: deleteAttributeSchema, permission: () => catalogEdit, revalidate: frameworkPaths },
  async ({ user, data, db }) => {
    await db.$transaction(async (tx) => {
      const current = await tx.attributeValue.findFirst({
        where: { framework: { slug: data.slug }, dimension: { key: data.dimension } },
        include: { sources: { orderBy: { position: "asc" } } },
      });
      if (!current) throw new AppError("not_found", "That value does not exist.");
      await tx.attributeValue.delete({ where: { id: current.id } });
      await recordChange(tx, {
        frameworkSlug: data.slug,
        entity: "attribute",
        entityKey: data.dimension,
        action: "delete",
        // The whole value with its sources, so the deletion can be reverted from the history.
        before: attributeSnapshot(current),
        after: null,
        userId: user.id,
      });
    });
    return null;
  },
);

export const createDimension = defineAction(
  { schema: createDimensionSchema, permission: () => catalogEdit, revalidate: () => ["/frameworks"] },
  async ({ user, data, db }) => {
    if (await db.dimension.findUnique({ where: { key: data.key }, select: { id: true } })) {
      throw new AppError("conflict", `A dimension with the key "${data.key}" already exists.`);
    }
    await db.$transaction(async (tx) => {
      const last = await tx.dimension.aggregate({ _max: { position: true } });
      await tx.dimension.create({
        data: { ...data, options: JSON.stringify(data.options), position: (last._max.position ?? -1) + 1 },
      });
      await recordChange(tx, {
        frameworkSlug: null,
        entity: "dimension",
        entityKey: data.key,
        action: "create",
        before: null,
        after: data,
        userId: user.id,
      });
    });
    return { key: data.key };
  },
);
