export declare function findBrowser(): Promise<string>;
export declare function findBrowserWith(chromium?: { executablePath(): string }): string;
