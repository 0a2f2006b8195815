import packageJson from '../package.json';

export const SOFTWARE_VERSION: string = packageJson.version;
