interface ImportMetaEnv {
  /** Where the API lives, e.g. https://support.example.com; empty means same origin. */
  readonly PUBLIC_API_ORIGIN?: string;
  /** The public origin of the help center, for sitemap and hreflang links. */
  readonly PUBLIC_SITE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
