/** The version of this SDK, reported in `sdk/hello`. Kept equal to package.json by a unit test. */
export const SDK_VERSION = '0.1.0';
