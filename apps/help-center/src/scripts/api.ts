/** Where the API lives: a build-time setting, same origin by default. */
export const apiOrigin = (import.meta.env.PUBLIC_API_ORIGIN ?? "").replace(/\/+$/, "");

export const apiUrl = (path: string) => `${apiOrigin}${path}`;
