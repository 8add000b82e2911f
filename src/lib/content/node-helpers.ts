import { z } from 'astro/zod';
import type { CollectionName, SchemaHelpers } from '../../schemas/helpers.ts';

/** A reference as Astro returns it: which collection, which id. */
export interface RefValue {
  collection: CollectionName;
  id: string;
}

/** An image path as written by the editor, to be checked against the disk. */
export interface ImageValue {
  imagePath: string;
}

/**
 * Schema helpers for plain Node (check, tests): references keep Astro's { collection, id }
 * shape and images keep their path, so integrity checks can find both after parsing.
 */
export const checkHelpers: SchemaHelpers = {
  image: () =>
    z
      .string()
      .min(1)
      .transform((imagePath): ImageValue => ({ imagePath })),
  ref: (collection) =>
    z
      .string()
      .min(1)
      .transform((id): RefValue => ({ collection, id })),
};

/** Every value in `data` matching `test`, with its path. */
export function collect<T>(data: unknown, test: (value: unknown) => value is T, path: PropertyKey[] = []): Array<{ value: T; path: PropertyKey[] }> {
  if (test(data)) return [{ value: data, path }];
  if (Array.isArray(data)) return data.flatMap((item, index) => collect(item, test, [...path, index]));
  if (data && typeof data === 'object' && !(data instanceof Date)) {
    return Object.entries(data).flatMap(([key, value]) => collect(value, test, [...path, key]));
  }
  return [];
}

export const isRef = (value: unknown): value is RefValue => !!value && typeof value === 'object' && 'collection' in value && 'id' in value && Object.keys(value).length === 2;

export const isImage = (value: unknown): value is ImageValue => !!value && typeof value === 'object' && 'imagePath' in value && Object.keys(value).length === 1;
