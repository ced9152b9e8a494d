/** Debian's Chromium, or the one CHROMIUM_PATH (or CHROME_PATH) names. */
export declare const chromiumPath: string;
/** Headless flags: root needs --no-sandbox; the rest keep the browser off the network. */
export declare const chromiumFlags: readonly string[];
