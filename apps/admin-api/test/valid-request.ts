/** A filing the API accepts; in its own file so the benchmarks can import it without vitest. */
export const validRequest = {
  locale: "en",
  category: "connectivity",
  service: "mail",
  severity: "B",
  subject: "Outlook keeps asking for my password",
  description:
    "Since this morning Outlook on three desktops asks for the password every few minutes.",
  organisation: "contoso.partner.cn",
  name: "Li Wei",
  email: "li.wei@contoso.cn",
};
