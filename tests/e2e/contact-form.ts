import type { Page } from "playwright-core";

export interface ContactAnswers {
  readonly service: string;
  readonly subject: string;
}

/** Fills in the help center's contact form the way a customer would. */
export async function fillContactForm(page: Page, answers: ContactAnswers): Promise<void> {
  await page.selectOption("#category", "connectivity");
  await page.selectOption("#service", answers.service);
  await page.selectOption("#severity", "B");
  await page.fill("#subject", answers.subject);
  await page.fill(
    "#description",
    "Since this morning the mail client asks for the password every few minutes on three desktops.",
  );
  await page.fill("#organisation", "contoso.example");
  await page.fill("#name", "Li Wei");
  await page.fill("#email", "li.wei@contoso.example");
}
