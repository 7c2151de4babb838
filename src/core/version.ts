/** The product version, reported in every analysis (a unit test keeps it equal to package.json's). */
export const VERSION = '0.1.0';
