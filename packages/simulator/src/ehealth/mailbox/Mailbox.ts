/** One e-mail the platform sent. */
export interface Email {
  readonly id: number;
  readonly sentAt: string;
  readonly to: readonly string[];
  readonly kind: 'REQUEST_RECEIVED' | 'MANUAL_VALIDATION_NEEDED' | 'CERTIFICATE_READY' | 'REQUEST_REFUSED' | 'EXPIRY_REMINDER' | 'CERTIFICATE_REVOKED';
  readonly subject: string;
  readonly body: string;
  readonly publicKeyIdentifier: string;
}

/** The e-mails eHealth sends to the contact addresses (ambulance manual: "wait for an e-mail"). */
export class Mailbox {
  private mails: Email[] = [];

  constructor(initial: readonly Email[] = []) {
    this.mails = [...initial];
  }

  /** Records a sent e-mail. */
  send(mail: Omit<Email, 'id'>): void {
    this.mails.push({ ...mail, id: this.mails.length + 1 });
  }

  /** Mails the contact addresses of a request (EmailPrivate and EmailGeneral) about it. */
  sendAbout(
    request: { readonly publicKeyIdentifier: string; readonly contactData: { readonly emailPrivate: string; readonly emailGeneral?: string } },
    sentAt: Date,
    kind: Email['kind'],
    subject: string,
    body: string,
  ): void {
    const to = [request.contactData.emailPrivate, request.contactData.emailGeneral].filter((x): x is string => !!x);
    this.send({ sentAt: sentAt.toISOString(), to, kind, subject, body, publicKeyIdentifier: request.publicKeyIdentifier });
  }

  /** All e-mails, optionally those to one address. */
  list(to?: string): Email[] {
    return to === undefined ? [...this.mails] : this.mails.filter((m) => m.to.includes(to));
  }

  /** Empties the mailbox. */
  clear(): void {
    this.mails = [];
  }
}
