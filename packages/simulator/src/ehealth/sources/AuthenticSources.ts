import type { ContractDnForm } from '../contract/dnForms.js';
import { parseIdentifier } from '@ehealth-cert/core';
import type { Identifier } from '@ehealth-cert/core';

/** A person known to the authentic sources (National Register + healthcare professions). */
export interface PersonFixture {
  readonly ssin: string;
  readonly firstNames: readonly string[];
  readonly name: string;
  /** Has at least one healthcare quality (GetActorQualities NaturalPersonAuthorization). */
  readonly healthcareProfessional?: boolean;
}

/** An organisation with its official name (CBE / NIHII registers). */
export interface OrganizationFixture {
  readonly type: string;
  readonly id: string;
  /** Official name, French (also used when no Dutch name is given). */
  readonly name: string;
  readonly nameNl?: string;
  /** E.g. an ambulance service run by a hospital. */
  readonly attachedTo?: Identifier;
}

/** "Person may manage this organisation's certificates" (DOMAIN.md 2.3 GetActorQualities). */
export interface MandateFixture {
  readonly ssin: string;
  readonly organization: Identifier;
}

/** The fixture file format (YAML or JSON). Omitted lists take the defaults. */
export interface AuthenticSourcesFixture {
  readonly people?: readonly PersonFixture[];
  readonly organizations?: readonly OrganizationFixture[];
  readonly mandates?: readonly MandateFixture[];
  /**
   * How GenerateContract writes the DN (issue 12 point 2): `escaped` (default, `CN=SSIN\=...`) or
   * `unescaped` (`CN=SSIN=...`). Either way GenerateCertificate takes both forms back and wants the
   * CSR subject, printed RFC 2253, byte for byte equal to the DN sent back.
   */
  readonly contractDn?: ContractDnForm;
}

/**
 * The simulated authentic sources that GetActorQualities, GenerateContract and the automatic
 * validation decision read (DOMAIN.md 8). Mutable at run time through the admin API.
 */
export class AuthenticSources {
  private readonly people = new Map<string, PersonFixture>();
  private readonly organizations = new Map<string, OrganizationFixture>();
  private mandates: MandateFixture[] = [];
  /** The form of the DN in GenerateContract answers (mutable through the admin API's sources). */
  contractDn: ContractDnForm;

  constructor(fixture: Required<Omit<AuthenticSourcesFixture, 'contractDn'>> & Pick<AuthenticSourcesFixture, 'contractDn'>) {
    if (fixture.contractDn !== undefined && fixture.contractDn !== 'escaped' && fixture.contractDn !== 'unescaped') {
      throw new TypeError(`contractDn must be escaped or unescaped, not ${String(fixture.contractDn)}`);
    }
    this.contractDn = fixture.contractDn ?? 'escaped';
    fixture.people.forEach((p) => this.addPerson(p));
    fixture.organizations.forEach((o) => this.addOrganization(o));
    fixture.mandates.forEach((m) => this.addMandate(m));
  }

  /** Adds or replaces a person; the SSIN must be valid (DOMAIN.md 5). */
  addPerson(p: PersonFixture): void {
    const ssin = parseIdentifier('SSIN', p.ssin, 'person.ssin').value;
    if (!p.name || !Array.isArray(p.firstNames)) throw new TypeError(`person ${ssin}: name and firstNames are required`);
    this.people.set(ssin, { ...p, ssin });
  }

  /** Adds or replaces an organisation; type and identifier must be valid (DOMAIN.md 4.2, 5). */
  addOrganization(o: OrganizationFixture): void {
    const id = parseIdentifier(o.type, o.id, 'organization.id');
    if (!o.name) throw new TypeError(`organization ${id.type}=${id.value}: name is required`);
    this.organizations.set(key(id), { ...o, type: id.type, id: id.value });
  }

  /** Lets a person manage an organisation's certificates; both must exist. */
  addMandate(m: MandateFixture): void {
    const ssin = parseIdentifier('SSIN', m.ssin, 'mandate.ssin').value;
    const org = parseIdentifier(m.organization.type, m.organization.value, 'mandate.organization');
    if (!this.people.has(ssin)) throw new TypeError(`mandate: unknown person ${ssin}`);
    if (!this.organizations.has(key(org))) throw new TypeError(`mandate: unknown organization ${key(org)}`);
    if (!this.mayManage(ssin, org)) this.mandates.push({ ssin, organization: org });
  }

  /** The person with this SSIN, if known. */
  person(ssin: string): PersonFixture | undefined {
    return this.people.get(ssin);
  }

  /** The organisation with this identifier, if known. */
  organization(id: Identifier): OrganizationFixture | undefined {
    return this.organizations.get(key(id));
  }

  /** Every organisation whose identifier value is `value`, whatever its type (e.g. a hospital's NIHII typed as an ambulance service's). */
  organizationsWithId(value: string): OrganizationFixture[] {
    return [...this.organizations.values()].filter((o) => o.id === value);
  }

  /** Organisations the person may manage. */
  mandatedOrganizations(ssin: string): OrganizationFixture[] {
    return this.mandates
      .filter((m) => m.ssin === ssin)
      .map((m) => this.organizations.get(key(m.organization)))
      .filter((o): o is OrganizationFixture => o !== undefined);
  }

  /** True when the person holds a mandate for the organisation. */
  mayManage(ssin: string, org: Identifier): boolean {
    return this.mandates.some((m) => m.ssin === ssin && key(m.organization) === key(org));
  }

  /** Everything, in fixture form (state file, admin API). */
  toFixture(): Required<AuthenticSourcesFixture> {
    return { people: [...this.people.values()], organizations: [...this.organizations.values()], mandates: [...this.mandates], contractDn: this.contractDn };
  }
}

function key(id: Identifier): string {
  return `${id.type}=${id.value}`;
}
