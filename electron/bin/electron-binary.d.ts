/** Types for electron-binary.js, so TypeScript tests can ask whether Electron can start here. */
export declare function findElectronBinary(env?: NodeJS.ProcessEnv): string | null;
