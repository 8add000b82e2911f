import type { ImageMetadata } from 'astro';

/** A link with its visible text: what cards and lists need. */
export interface Link {
  id: string;
  url: string;
  label: string;
  /** A reform link not yet checked against the resolution's text: shown "chưa đối chiếu" (issue 24). */
  unverified?: boolean | undefined;
}

/** A cover picture after Astro's image pipeline. */
export interface Cover {
  src: ImageMetadata;
  alt: string;
}

/** What every page-level view model carries for the layout. */
export interface PageMeta {
  title: string;
  description: string;
  /** Repository-relative path of the content file, for "Sửa trang này". */
  editPath?: string | undefined;
}
