// Limits against hostile input, checked before and while parsing (issue 7).

/** Largest config/values/env/annotation file read (bytes), checked before parsing. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Upper bound on nodes visited when walking the parsed tree with aliases expanded. js-yaml keeps
 * aliases as shared references, so a "billion laughs" document parses cheaply but explodes when
 * walked; counting expanded nodes catches it before any extractor runs.
 */
export const MAX_EXPANDED_NODES = 2_000_000;

/** Deepest nesting accepted (also stops self-referencing anchors). */
export const MAX_DEPTH = 64;

/** Longest string value considered as a URL or host. */
export const MAX_URL_LENGTH = 4096;
