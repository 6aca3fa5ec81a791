import type { SimulatorResponse } from '../common/simulator-http.ts';
import type { EntitySchema, FieldDefinition } from './sage300-fields.ts';
import type { Sage300Resource } from './sage300-resource.ts';

// `GET .../-/{company}/{module}/$metadata`: an OData v4 EDMX in namespace
// `Sage.CA.SBS.ERP.Sage300.{MODULE}.WebApi.Models`, with detail lines as ComplexType collections on the
// header entity (erp-apis.md A1, S-DEV §3). Enumerations are shown as Edm.String here, a simplification
// of Sage's enum types [U].

function escapeXml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
}

function propertyXml(name: string, field: FieldDefinition, namespace: string): string {
  switch (field.kind) {
    case 'text':
      return `<Property Name="${name}" Type="Edm.String" MaxLength="${field.width}"/>`;
    case 'choice':
      return `<Property Name="${name}" Type="Edm.String"/>`;
    case 'number':
      return `<Property Name="${name}" Type="Edm.Decimal" Nullable="false"/>`;
    case 'flag':
      return `<Property Name="${name}" Type="Edm.Boolean" Nullable="false"/>`;
    case 'date':
      return `<Property Name="${name}" Type="Edm.DateTimeOffset"/>`;
    case 'list':
      return `<Property Name="${name}" Type="Collection(${namespace}.${field.entity.name})"/>`;
  }
}

/** The complex types reachable from a schema's lists, each once. */
function complexTypes(schema: EntitySchema, found: Map<string, EntitySchema>): void {
  for (const field of Object.values(schema.fields)) {
    if (field.kind !== 'list' || found.has(field.entity.name)) continue;
    found.set(field.entity.name, field.entity);
    complexTypes(field.entity, found);
  }
}

function typeXml(
  tag: string,
  schema: EntitySchema,
  namespace: string,
  keyFields: readonly string[] = [],
): string {
  const key =
    keyFields.length === 0
      ? ''
      : `<Key>${keyFields.map((field) => `<PropertyRef Name="${field}"/>`).join('')}</Key>`;
  const properties = Object.entries(schema.fields).map(([name, field]) =>
    propertyXml(name, field, namespace),
  );
  return `<${tag} Name="${escapeXml(schema.name)}">${key}${properties.join('')}</${tag}>`;
}

export function metadataResponse(module: string, resources: readonly Sage300Resource[]): SimulatorResponse {
  const namespace = `Sage.CA.SBS.ERP.Sage300.${module}.WebApi.Models`;
  const complex = new Map<string, EntitySchema>();
  for (const resource of resources) complexTypes(resource.schema, complex);
  const body = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>',
    `<Schema Namespace="${namespace}" xmlns="http://docs.oasis-open.org/odata/ns/edm">`,
    ...resources.map((resource) => typeXml('EntityType', resource.schema, namespace, resource.keyFields)),
    ...[...complex.values()].map((schema) => typeXml('ComplexType', schema, namespace)),
    '<EntityContainer Name="Container">',
    ...resources.map(
      (resource) => `<EntitySet Name="${resource.name}" EntityType="${namespace}.${resource.schema.name}"/>`,
    ),
    '</EntityContainer></Schema></edmx:DataServices></edmx:Edmx>',
  ].join('\n');
  return { status: 200, headers: { 'content-type': 'application/xml; charset=utf-8' }, body };
}
