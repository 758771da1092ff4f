/**
 * The running core's version, matched against each plugin's `compatibility` range. Kept equal to
 * package.json's by a test (a changeset bump must bump this too).
 */
export const CORE_VERSION = '0.1.0';
