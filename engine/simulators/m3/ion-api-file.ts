// The ION API client the simulator plays, and the `.ionapi` file that describes it (reference B2):
// `ti` tenant, `cn` client name, `dt`, `ci` client id (`TENANT~...`), `cs` client secret, `iu` ION API
// base URL, `pu` SSO base (`.../TENANT/as/`), `oa`/`ot`/`or` authorise/token/revoke endpoints
// relative to `pu`, `ev`, `v` ("1.0"), `saak`/`sask` the service-account key pair (`saak` is
// `TENANT#...` and is the password grant's username as-is). `pu`/`oa`/`ot`/`or` and the key pair are
// confirmed by the Infor SDK (M-ION); the other fields come from a public example file [T].
//
// URL layout on the simulator (one host plays both the ION API gateway and Infor SSO):
//   {base}/{TENANT}/as/token.oauth2          token endpoint  (`pu` + `ot`)
//   {base}/{TENANT}/as/revoke_token.oauth2   revocation      (`pu` + `or`)
//   {base}/{TENANT}/M3/m3api-rest/...        M3 through the gateway, bearer token (`iu` + `/{ti}/M3`)
//   {base}/m3api-rest/...                    M3 directly (on-premises grid), Basic auth

/** The ION API client and service account the simulator accepts. */
export interface IonClient {
  readonly tenant: string;
  readonly clientName: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Service-account access key (`saak`), the password grant's username. */
  readonly accessKey: string;
  /** Service-account secret key (`sask`), the password grant's password. */
  readonly secretKey: string;
}

/** Contents of a `.ionapi` file. */
export interface IonApiFile {
  readonly ti: string;
  readonly cn: string;
  readonly dt: string;
  readonly ci: string;
  readonly cs: string;
  readonly iu: string;
  readonly pu: string;
  readonly oa: string;
  readonly ot: string;
  readonly or: string;
  readonly ev: string;
  readonly v: string;
  readonly saak: string;
  readonly sask: string;
}

/** Fixed, documented credentials: the simulator guards nothing worth a random secret. */
export function defaultIonClient(tenant: string): IonClient {
  return {
    tenant,
    clientName: 'Bridgeflow M3 simulator',
    clientId: `${tenant}~bridgeflow-simulator`,
    clientSecret: 'bridgeflow-simulator-client-secret',
    accessKey: `${tenant}#bridgeflow-service-account`,
    secretKey: 'bridgeflow-service-account-secret',
  };
}

/** Path of the token endpoint (`pu` + `ot`). */
export function tokenPath(tenant: string): string {
  return `/${tenant}/as/token.oauth2`;
}

/** The `.ionapi` file for a simulator listening at `baseUrl` (e.g. `http://127.0.0.1:40123`). */
export function ionApiFile(client: IonClient, baseUrl: string): IonApiFile {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    ti: client.tenant,
    cn: client.clientName,
    dt: '12',
    ci: client.clientId,
    cs: client.clientSecret,
    iu: base,
    pu: `${base}/${client.tenant}/as/`,
    oa: 'authorization.oauth2',
    ot: 'token.oauth2',
    or: 'revoke_token.oauth2',
    ev: 'BF-SIMULATOR',
    v: '1.0',
    saak: client.accessKey,
    sask: client.secretKey,
  };
}
