import type { Locale } from "@frontline/core";

/**
 * Every string the help center's chrome shows, per locale. Article text
 * lives in content/; catalogue labels (categories, services, severities)
 * come from @frontline/core. Placeholders look like {name}.
 */
const en = {
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
  "note.warning": "Important",
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
type UiStrings = Readonly<Record<UiKey, string>>;

const de: UiStrings = {
  "site.name": "Hilfe-Center",
  "site.tagline": "Support von Ihrem Cloud-Partner, 24 Stunden am Tag, 365 Tage im Jahr.",
  "skip.toContent": "Zum Inhalt springen",
  "nav.label": "Hauptnavigation",
  "nav.home": "Startseite",
  "nav.contact": "Support kontaktieren",
  "nav.language": "Sprache",
  "search.label": "Artikel durchsuchen",
  "search.noscript": "Die Suche benötigt JavaScript. Stöbern Sie stattdessen in den Themen unten.",
  "home.title": "Wie können wir helfen?",
  "home.lead":
    "Durchsuchen Sie die Artikel oder wählen Sie ein Thema. Finden Sie keine Antwort, senden Sie uns eine Anfrage.",
  "home.categories": "Themen",
  "home.articles": "Alle Artikel",
  "home.noArticles": "Zu diesem Thema gibt es noch keine Artikel.",
  "home.count.one": "{count} Artikel",
  "home.count.other": "{count} Artikel",
  "home.stuck.title": "Nicht weitergekommen?",
  "home.stuck.text":
    "Unser Support antwortet rund um die Uhr und eskaliert bei Bedarf an den Betreiber.",
  "article.breadcrumbs": "Brotkrumennavigation",
  "article.appliesTo": "Gilt für",
  "article.services": "Dienste",
  "article.seeAlso": "Siehe auch",
  "article.lastUpdated": "Zuletzt aktualisiert",
  "article.machineNotice": "Dieser Artikel wurde maschinell übersetzt und kann Fehler enthalten.",
  "article.readOriginal": "Original auf Englisch lesen",
  "article.otherLanguages": "Auch verfügbar auf",
  "article.type.how-to": "Anleitung",
  "article.type.faq": "Häufige Frage",
  "article.type.troubleshooting": "Problembehandlung",
  "article.type.concept": "Grundlagen",
  "note.note": "Hinweis",
  "note.tip": "Tipp",
  "note.warning": "Wichtig",
  "contact.title": "Support kontaktieren",
  "contact.lead":
    "Schildern Sie uns, was passiert ist. Wir bearbeiten Anfragen 24 Stunden am Tag, 365 Tage im Jahr, und halten Sie auf dem Laufenden, bis das Problem gelöst ist.",
  "contact.required": "Alle Felder sind Pflichtfelder.",
  "contact.choose": "Bitte wählen…",
  "contact.category": "Thema",
  "contact.service": "Betroffener Dienst",
  "contact.severity": "Schweregrad",
  "contact.severityHelp": "Was die Schweregrade bedeuten",
  "contact.firstResponse": "Erste Antwort innerhalb von {duration}",
  "contact.subject": "Betreff",
  "contact.subjectHint":
    "Eine kurze Zusammenfassung, z. B. „Outlook verbindet sich seit 9:00 nicht“.",
  "contact.description": "Beschreibung",
  "contact.descriptionHint":
    "Was ist passiert, seit wann, wer ist betroffen, welche Fehlermeldung erscheint und was haben Sie schon versucht?",
  "contact.organisation": "Organisation",
  "contact.name": "Ihr Name",
  "contact.email": "E-Mail-Adresse",
  "contact.emailHint": "An diese Adresse senden wir Neuigkeiten zu Ihrer Anfrage.",
  "contact.submit": "Anfrage senden",
  "contact.sending": "Wird gesendet…",
  "contact.noscript":
    "Dieses Formular benötigt JavaScript. Bitte aktivieren Sie es oder rufen Sie Ihren Partner an.",
  "contact.summaryTitle": "Bitte korrigieren Sie Folgendes:",
  "contact.error.required": "Bitte füllen Sie dieses Feld aus.",
  "contact.error.choose": "Bitte wählen Sie eine Option.",
  "contact.error.tooShort": "Bitte geben Sie mindestens {min} Zeichen ein.",
  "contact.error.tooLong": "Bitte geben Sie höchstens {max} Zeichen ein.",
  "contact.error.email": "Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.com.",
  "contact.error.invalid": "Bitte prüfen Sie dieses Feld.",
  "contact.error.network":
    "Der Support ist gerade nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut; Ihr Text bleibt erhalten.",
  "contact.error.server":
    "Bei uns ist ein Fehler aufgetreten (Fehler {status}). Bitte versuchen Sie es in ein paar Minuten erneut.",
  "contact.done.title": "Anfrage eingegangen",
  "contact.done.reference": "Referenznummer",
  "contact.done.tracking": "Tracking-Code",
  "contact.done.private":
    "Halten Sie diesen Tracking-Code geheim: Wer ihn kennt, kann Ihre Anfrage lesen und beantworten. Bewahren Sie ihn zusammen mit der Referenznummer auf.",
  "contact.done.next":
    "Wir prüfen zuerst den Dienststatus und antworten per E-Mail. Nennen Sie die Referenznummer, wenn Sie uns zu dieser Anfrage kontaktieren.",
  "footer.text":
    "Ihr Partner ist Ihre zentrale Anlaufstelle für alle Dienste, die Sie bei ihm beziehen.",
  "notFound.title": "Seite nicht gefunden",
  "notFound.text": "Die gesuchte Seite gibt es nicht oder sie wurde verschoben.",
  "notFound.home": "Zur Startseite des Hilfe-Centers",
  "redirect.text": "Wählen Sie Ihre Sprache:",
};

const it: UiStrings = {
  "site.name": "Centro assistenza",
  "site.tagline": "Assistenza dal tuo partner cloud, 24 ore su 24, 365 giorni all'anno.",
  "skip.toContent": "Vai al contenuto",
  "nav.label": "Navigazione principale",
  "nav.home": "Home",
  "nav.contact": "Contatta l'assistenza",
  "nav.language": "Lingua",
  "search.label": "Cerca negli articoli",
  "search.noscript": "La ricerca richiede JavaScript. Sfoglia invece gli argomenti qui sotto.",
  "home.title": "Come possiamo aiutarti?",
  "home.lead":
    "Cerca tra gli articoli o scegli un argomento. Se non trovi una risposta, inviaci una richiesta.",
  "home.categories": "Argomenti",
  "home.articles": "Tutti gli articoli",
  "home.noArticles": "Non ci sono ancora articoli su questo argomento.",
  "home.count.one": "{count} articolo",
  "home.count.other": "{count} articoli",
  "home.stuck.title": "Non hai trovato la risposta?",
  "home.stuck.text":
    "Il nostro servizio di assistenza risponde a qualsiasi ora e, se serve, inoltra il caso all'operatore.",
  "article.breadcrumbs": "Percorso",
  "article.appliesTo": "Si applica a",
  "article.services": "Servizi",
  "article.seeAlso": "Vedi anche",
  "article.lastUpdated": "Ultimo aggiornamento",
  "article.machineNotice":
    "Questo articolo è stato tradotto automaticamente e potrebbe contenere errori.",
  "article.readOriginal": "Leggi l'originale in inglese",
  "article.otherLanguages": "Disponibile anche in",
  "article.type.how-to": "Procedura",
  "article.type.faq": "Domanda frequente",
  "article.type.troubleshooting": "Risoluzione dei problemi",
  "article.type.concept": "Concetti",
  "note.note": "Nota",
  "note.tip": "Suggerimento",
  "note.warning": "Importante",
  "contact.title": "Contatta l'assistenza",
  "contact.lead":
    "Raccontaci cosa è successo. Gestiamo le richieste 24 ore su 24, 365 giorni all'anno, e ti teniamo aggiornato fino alla soluzione.",
  "contact.required": "Tutti i campi sono obbligatori.",
  "contact.choose": "Scegli…",
  "contact.category": "Argomento",
  "contact.service": "Servizio interessato",
  "contact.severity": "Gravità",
  "contact.severityHelp": "Che cosa significano i livelli di gravità",
  "contact.firstResponse": "Prima risposta entro {duration}",
  "contact.subject": "Oggetto",
  "contact.subjectHint": "Un breve riassunto, per esempio «Outlook non si connette dalle 9:00».",
  "contact.description": "Descrizione",
  "contact.descriptionHint":
    "Cosa è successo, da quando, chi è coinvolto, eventuali messaggi di errore e cosa hai già provato.",
  "contact.organisation": "Organizzazione",
  "contact.name": "Il tuo nome",
  "contact.email": "Email",
  "contact.emailHint": "Invieremo gli aggiornamenti sulla richiesta a questo indirizzo.",
  "contact.submit": "Invia richiesta",
  "contact.sending": "Invio in corso…",
  "contact.noscript":
    "Questo modulo richiede JavaScript. Attivalo oppure contatta il tuo partner per telefono.",
  "contact.summaryTitle": "Correggi quanto segue:",
  "contact.error.required": "Compila questo campo.",
  "contact.error.choose": "Scegli un'opzione.",
  "contact.error.tooShort": "Inserisci almeno {min} caratteri.",
  "contact.error.tooLong": "Inserisci al massimo {max} caratteri.",
  "contact.error.email": "Inserisci un indirizzo email valido, come nome@example.com.",
  "contact.error.invalid": "Controlla questo campo.",
  "contact.error.network":
    "Non riusciamo a raggiungere l'assistenza. Controlla la connessione e riprova: il testo inserito è ancora qui.",
  "contact.error.server":
    "Si è verificato un errore da parte nostra (errore {status}). Riprova tra qualche minuto.",
  "contact.done.title": "Richiesta ricevuta",
  "contact.done.reference": "Numero di riferimento",
  "contact.done.tracking": "Codice di monitoraggio",
  "contact.done.private":
    "Tieni riservato questo codice: chiunque lo conosca può leggere la tua richiesta e rispondere. Conservalo insieme al numero di riferimento.",
  "contact.done.next":
    "Controlliamo prima lo stato dei servizi e rispondiamo via email. Indica il numero di riferimento ogni volta che ci contatti per questa richiesta.",
  "footer.text":
    "Il tuo partner è il punto di contatto unico per tutti i servizi che acquisti da lui.",
  "notFound.title": "Pagina non trovata",
  "notFound.text": "La pagina che cerchi non esiste o è stata spostata.",
  "notFound.home": "Vai alla home del centro assistenza",
  "redirect.text": "Scegli la lingua:",
};

const zhCn: UiStrings = {
  "site.name": "帮助中心",
  "site.tagline": "您的云合作伙伴全年 365 天、每天 24 小时为您提供支持。",
  "skip.toContent": "跳到正文",
  "nav.label": "主导航",
  "nav.home": "首页",
  "nav.contact": "联系支持",
  "nav.language": "语言",
  "search.label": "搜索文章",
  "search.noscript": "搜索功能需要 JavaScript。您可以浏览下面的主题。",
  "home.title": "需要什么帮助？",
  "home.lead": "搜索文章或选择一个主题。如果找不到答案，请向我们提交请求。",
  "home.categories": "按主题浏览",
  "home.articles": "全部文章",
  "home.noArticles": "此主题下暂无文章。",
  "home.count.one": "{count} 篇文章",
  "home.count.other": "{count} 篇文章",
  "home.stuck.title": "仍未解决？",
  "home.stuck.text": "我们的支持团队全天候响应，必要时会将问题升级给运营方。",
  "article.breadcrumbs": "导航路径",
  "article.appliesTo": "适用于",
  "article.services": "服务",
  "article.seeAlso": "另请参阅",
  "article.lastUpdated": "最后更新",
  "article.machineNotice": "本文由机器翻译，可能存在错误。",
  "article.readOriginal": "阅读英文原文",
  "article.otherLanguages": "其他语言版本",
  "article.type.how-to": "操作指南",
  "article.type.faq": "常见问题",
  "article.type.troubleshooting": "故障排除",
  "article.type.concept": "概念",
  "note.note": "注意",
  "note.tip": "提示",
  "note.warning": "重要",
  "contact.title": "联系支持",
  "contact.lead":
    "请告诉我们发生了什么。我们全年 365 天、每天 24 小时处理请求，并持续通知您进展，直到问题解决。",
  "contact.required": "所有字段均为必填项。",
  "contact.choose": "请选择…",
  "contact.category": "主题",
  "contact.service": "受影响的服务",
  "contact.severity": "严重级别",
  "contact.severityHelp": "严重级别的含义",
  "contact.firstResponse": "{duration}内首次响应",
  "contact.subject": "主题摘要",
  "contact.subjectHint": "简短概述，例如“自 9:00 起 Outlook 无法连接”。",
  "contact.description": "描述",
  "contact.descriptionHint":
    "发生了什么、从何时开始、影响到谁、出现了什么错误消息，以及您已经尝试过哪些操作。",
  "contact.organisation": "组织",
  "contact.name": "您的姓名",
  "contact.email": "电子邮件",
  "contact.emailHint": "我们会将请求的最新进展发送到此地址。",
  "contact.submit": "提交请求",
  "contact.sending": "正在发送…",
  "contact.noscript": "此表单需要 JavaScript。请启用 JavaScript，或致电您的合作伙伴。",
  "contact.summaryTitle": "请更正以下内容：",
  "contact.error.required": "请填写此字段。",
  "contact.error.choose": "请选择一个选项。",
  "contact.error.tooShort": "请至少输入 {min} 个字符。",
  "contact.error.tooLong": "最多只能输入 {max} 个字符。",
  "contact.error.email": "请输入有效的电子邮件地址，例如 name@example.com。",
  "contact.error.invalid": "请检查此字段。",
  "contact.error.network": "无法连接到支持服务。请检查网络连接后重试；您填写的内容仍然保留。",
  "contact.error.server": "我们这边出现了问题（错误 {status}）。请几分钟后重试。",
  "contact.done.title": "已收到请求",
  "contact.done.reference": "参考编号",
  "contact.done.tracking": "跟踪码",
  "contact.done.private":
    "请妥善保管此跟踪码：任何获得它的人都可以查看并回复您的请求。请将它与参考编号一起保存。",
  "contact.done.next":
    "我们会先检查服务运行状况，然后通过电子邮件回复。就此请求联系我们时，请提供参考编号。",
  "footer.text": "对于您从合作伙伴处购买的所有服务，合作伙伴都是您的唯一联系人。",
  "notFound.title": "找不到页面",
  "notFound.text": "您要查找的页面不存在或已移动。",
  "notFound.home": "返回帮助中心首页",
  "redirect.text": "请选择语言：",
};

export const ui: Readonly<Record<Locale, UiStrings>> = { en, de, it, "zh-cn": zhCn };

export type UiParams = Readonly<Record<string, string | number>>;

/** Looks a string up and fills its {placeholders}. */
export function t(locale: Locale, key: UiKey, params: UiParams = {}): string {
  const text = ui[locale][key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The whole dictionary of one locale, for client scripts. */
export function strings(locale: Locale): UiStrings {
  return ui[locale];
}

/** "1 article" / "3 articles", using the locale's plural rules. */
export function countArticles(locale: Locale, count: number): string {
  const rule = new Intl.PluralRules(locale).select(count);
  return t(locale, rule === "one" ? "home.count.one" : "home.count.other", {
    count: count.toLocaleString(locale),
  });
}
