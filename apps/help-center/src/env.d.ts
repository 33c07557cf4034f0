interface ImportMetaEnv {
  /** Where the API lives, e.g. https://support.example.com; empty means same origin. */
  readonly PUBLIC_API_ORIGIN?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
