/**
 * Every string the help center's chrome shows, in English. Article text
 * lives in content/; catalogue labels come from @frontline/core.
 * Placeholders look like {name}. The other languages must have every key.
 */
export const en = {
  "site.name": "Help center",
  "site.tagline": "Support from your cloud partner, 24 hours a day, 365 days a year.",
  "skip.toContent": "Skip to content",
  "nav.label": "Main",
  "nav.home": "Home",
  "nav.contact": "Contact support",
  "nav.language": "Language",
  "search.label": "Search articles",
  "search.noscript": "Search needs JavaScript. Browse the topics below instead.",
  "home.title": "How can we help?",
  "home.lead":
    "Search the articles or pick a topic. If you cannot find an answer, send us a request.",
  "home.categories": "Browse by topic",
  "home.articles": "All articles",
  "home.noArticles": "No articles in this topic yet.",
  "home.count.one": "{count} article",
  "home.count.other": "{count} articles",
  "home.stuck.title": "Still stuck?",
  "home.stuck.text":
    "Our support desk answers around the clock and escalates to the operator when needed.",
  "article.breadcrumbs": "Breadcrumb",
  "article.appliesTo": "Applies to",
  "article.services": "Services",
  "article.seeAlso": "See also",
  "article.lastUpdated": "Last updated",
  "article.machineNotice": "This article was translated by a machine and may contain mistakes.",
  "article.readOriginal": "Read the original in English",
  "article.otherLanguages": "Also available in",
  "article.type.how-to": "How-to",
  "article.type.faq": "FAQ",
  "article.type.troubleshooting": "Troubleshooting",
  "article.type.concept": "Concept",
  "note.note": "Note",
  "note.tip": "Tip",
  "note.important": "Important",
  "note.warning": "Warning",
  "contact.title": "Contact support",
  "contact.lead":
    "Tell us what happened. We answer requests 24 hours a day, 365 days a year, and keep you informed until the problem is solved.",
  "contact.required": "All fields are required.",
  "contact.choose": "Choose…",
  "contact.category": "Topic",
  "contact.service": "Affected service",
  "contact.severity": "Severity",
  "contact.severityHelp": "What the severities mean",
  "contact.firstResponse": "First response within {duration}",
  "contact.subject": "Subject",
  "contact.subjectHint": "A short summary, for example “Outlook cannot connect since 9:00”.",
  "contact.description": "Description",
  "contact.descriptionHint":
    "What happened, since when, who is affected, any error message, and what you have already tried.",
  "contact.organisation": "Organisation",
  "contact.name": "Your name",
  "contact.email": "Email",
  "contact.emailHint": "We send updates about your request to this address.",
  "contact.submit": "Send request",
  "contact.sending": "Sending…",
  "contact.noscript":
    "This form needs JavaScript. Please enable it, or contact your partner by phone.",
  "contact.summaryTitle": "Please correct the following:",
  "contact.error.required": "Please fill in this field.",
  "contact.error.choose": "Please choose an option.",
  "contact.error.tooShort": "Please enter at least {min} characters.",
  "contact.error.tooLong": "Please enter no more than {max} characters.",
  "contact.error.email": "Please enter a valid email address, like name@example.com.",
  "contact.error.invalid": "Please check this field.",
  "contact.error.network":
    "We could not reach the support desk. Check your connection and try again; your text is still here.",
  "contact.error.server":
    "Something went wrong on our side (error {status}). Please try again in a few minutes.",
  "contact.done.title": "Request received",
  "contact.done.reference": "Reference number",
  "contact.done.tracking": "Tracking code",
  "contact.done.private":
    "Keep this tracking code private: anyone who has it can read and answer your request. Save it together with the reference number.",
  "contact.done.next":
    "We check the service health first and reply by email. Quote the reference number whenever you contact us about this request.",
  "footer.text": "Your partner is your single point of contact for all services you buy from it.",
  "notFound.title": "Page not found",
  "notFound.text": "The page you are looking for does not exist or has moved.",
  "notFound.home": "Go to the help center home page",
  "redirect.text": "Choose your language:",
};

export type UiKey = keyof typeof en;
export type UiStrings = Readonly<Record<UiKey, string>>;
