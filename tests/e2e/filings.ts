/**
 * Filing number `index` of a burst, as the contact form would send it: a
 * subject and description of its own, so each stored request can be told
 * from the others after a crash or a shutdown.
 */
export function burstFiling(index: number, email = "li.wei@contoso.example") {
  return {
    locale: "en",
    category: "billing",
    service: "mail",
    severity: "C",
    subject: `Invoice question number ${index}`,
    description: `The invoice for November lists ${index} seats where we have forty.`,
    organisation: "contoso.example",
    name: "Li Wei",
    email,
  };
}
