import { describe, expect, it } from "vitest";
import { faqEntries, faqPageJsonLd, plainText } from "../src/lib/faq.ts";

const body = `Intro text.

<FaqItem question="Can I change the severity later?">
Yes. Reply to the request and say **what changed**; see [severities](/en/articles/choose-the-right-severity/).
</FaqItem>

<FaqItem question="Where are invoices?">
Open <UiPath path="Billing > Invoices" />.
</FaqItem>`;

describe("FAQ entries", () => {
  it("are read from the FaqItems of an article, as plain text", () => {
    expect(faqEntries(body)).toEqual([
      {
        question: "Can I change the severity later?",
        answer: "Yes. Reply to the request and say what changed; see severities.",
      },
      { question: "Where are invoices?", answer: "Open Billing › Invoices." },
    ]);
  });

  it("become FAQPage structured data that cannot break out of its script element", () => {
    const json = faqPageJsonLd([
      { question: "Is <b> allowed?", answer: "</script> never ends it" },
    ]);
    expect(json).not.toContain("<");
    expect(JSON.parse(json)).toMatchObject({
      "@type": "FAQPage",
      mainEntity: [
        {
          "@type": "Question",
          name: "Is <b> allowed?",
          acceptedAnswer: { text: "</script> never ends it" },
        },
      ],
    });
  });

  it("turn lists and links into plain sentences", () => {
    expect(plainText("1. First [step](/x/)\n2. Second")).toBe("First step Second");
  });
});
