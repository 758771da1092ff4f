import satisfies from 'semver/functions/satisfies.js';
import validVersion from 'semver/functions/valid.js';
import validRange from 'semver/ranges/valid.js';

/** Whether `version` is a semver version such as `1.2.0` or `2.0.0-beta.1`. */
export const isSemverVersion = (version: string): boolean => validVersion(version) !== null;

/** Whether `range` is a semver range such as `^0.1.0` or `>=0.1.0 <0.3.0`. */
export const isSemverRange = (range: string): boolean => validRange(range) !== null;

/**
 * Whether a core of `coreVersion` meets a plugin's `compatibility` range. Prereleases of core count
 * (`>=0.2.0` accepts `0.3.0-rc.1`), so release candidates can run the plugins they will ship with.
 */
export const isCompatible = (coreVersion: string, compatibility: string): boolean =>
  satisfies(coreVersion, compatibility, { includePrerelease: true });
