// Limits against hostile input (issue 7). Nesting depth and alias expansion use the shared
// bounds of lib/util/input-file (MAX_YAML_DEPTH, MAX_YAML_EXPANDED_NODES).

/** Largest config/values/env/annotation file read (bytes), checked before parsing. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Longest string value considered as a URL or host. */
export const MAX_URL_LENGTH = 4096;
