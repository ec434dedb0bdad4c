/**
 * Derives JSON schemas (OpenAPI 3.0 dialect) from the shared contracts' TypeScript interfaces,
 * so the documented answers are the very types the API and the console compile against.
 * `npm run openapi:contracts` writes the result next to this file; a spec fails when it is stale.
 * Tooling only: the app reads the written files, never this module.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';

export interface SchemaObject {
  [key: string]: unknown;
}

export interface GeneratedContracts {
  /** Name -> schema; references between contracts are `#/components/schemas/<Name>`. */
  schemas: Record<string, SchemaObject>;
  /** The exported, non-generic contract types, sorted. */
  names: string[];
}

export const CONTRACTS_ENTRY = 'libs/contracts/src/index.ts';
export const SCHEMAS_FILE = 'libs/api/common/src/openapi/contract-schemas.generated.json';
export const TYPES_FILE = 'libs/api/common/src/openapi/contract-types.generated.ts';

const ref = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` });

export function generateContractSchemas(repoRoot: string): GeneratedContracts {
  const base = JSON.parse(readFileSync(join(repoRoot, 'tsconfig.base.json'), 'utf8'));
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    baseUrl: repoRoot,
    paths: base.compilerOptions.paths,
    skipLibCheck: true,
  };
  const entry = join(repoRoot, CONTRACTS_ENTRY);
  const program = ts.createProgram([entry], options);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`${CONTRACTS_ENTRY} not found`);

  const named = new Map<string, ts.Type>();
  const symbols = new Map<string, ts.Symbol>();
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.declarations?.find(
      (d) => ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d),
    );
    if (!declaration || declaration.typeParameters?.length) continue;
    named.set(exported.name, checker.getDeclaredTypeOfSymbol(symbol));
    symbols.set(exported.name, symbol);
  }

  const nameOf = (type: ts.Type): string | undefined => {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    if (!symbol || type.aliasTypeArguments?.length) return undefined;
    const candidate = named.get(symbol.name);
    return candidate === type ? symbol.name : undefined;
  };

  const describe = (symbol: ts.Symbol): string =>
    ts.displayPartsToString(symbol.getDocumentationComment(checker)).replace(/\s+/g, ' ').trim();

  const convert = (type: ts.Type, top: boolean, depth: number): SchemaObject => {
    if (depth > 40) throw new Error(`Contract type too deep: ${checker.typeToString(type)}`);
    const name = top ? undefined : nameOf(type);
    if (name) return ref(name);
    const f = type.flags;
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (f & ts.TypeFlags.String) return { type: 'string' };
    if (f & ts.TypeFlags.Number) return { type: 'number' };
    if (f & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (f & ts.TypeFlags.StringLiteral) {
      return { type: 'string', enum: [(type as ts.StringLiteralType).value] };
    }
    if (f & ts.TypeFlags.NumberLiteral) {
      return { type: 'number', enum: [(type as ts.NumberLiteralType).value] };
    }
    if (f & ts.TypeFlags.BooleanLiteral) {
      return { type: 'boolean', enum: [checker.typeToString(type) === 'true'] };
    }
    if (type.isUnion()) return convertUnion(type, depth);
    if (checker.isTupleType(type)) {
      const items = checker.getTypeArguments(type as ts.TypeReference);
      return {
        type: 'array',
        items: { anyOf: items.map((t) => convert(t, false, depth + 1)) },
        minItems: items.length,
        maxItems: items.length,
      };
    }
    if (checker.isArrayType(type)) {
      const [item] = checker.getTypeArguments(type as ts.TypeReference);
      return { type: 'array', items: convert(item, false, depth + 1) };
    }
    if (f & ts.TypeFlags.Object || type.isIntersection()) return convertObject(type, depth);
    throw new Error(`Contract type not expressible as a schema: ${checker.typeToString(type)}`);
  };

  const convertUnion = (type: ts.UnionType, depth: number): SchemaObject => {
    const nullable = type.types.some((t) => t.flags & ts.TypeFlags.Null);
    const rest = type.types.filter(
      (t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)),
    );
    const booleans = rest.filter((t) => t.flags & ts.TypeFlags.BooleanLiteral);
    const others = booleans.length === 2 ? rest.filter((t) => !booleans.includes(t)) : rest;
    const parts: SchemaObject[] = booleans.length === 2 ? [{ type: 'boolean' }] : [];
    let schema: SchemaObject;
    if (
      others.length &&
      others.every((t) => t.flags & ts.TypeFlags.StringLiteral) &&
      !parts.length
    ) {
      const values: (string | null)[] = others.map((t) => (t as ts.StringLiteralType).value);
      if (nullable) values.push(null);
      schema = { type: 'string', enum: values };
    } else {
      parts.push(...others.map((t) => convert(t, false, depth + 1)));
      schema = parts.length === 1 ? parts[0] : { anyOf: parts };
    }
    if (!nullable) return schema;
    if (schema['$ref'] || schema['anyOf']) return { nullable: true, allOf: [schema] };
    return { ...schema, nullable: true };
  };

  const convertObject = (type: ts.Type, depth: number): SchemaObject => {
    const properties: Record<string, SchemaObject> = {};
    const required: string[] = [];
    for (const property of checker.getPropertiesOfType(type)) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      const propertyType = declaration
        ? checker.getTypeOfSymbolAtLocation(property, declaration)
        : checker.getTypeOfSymbol(property);
      if (propertyType.getCallSignatures().length) continue;
      const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
      const schema = convert(checker.getNonNullableType(propertyType), false, depth + 1);
      const nullable =
        propertyType.isUnion() && propertyType.types.some((t) => t.flags & ts.TypeFlags.Null);
      let result = nullable ? nullableOf(schema) : schema;
      const description = describe(property);
      if (description)
        result = result['$ref'] ? { allOf: [result], description } : { ...result, description };
      properties[property.name] = result;
      if (!optional) required.push(property.name);
    }
    const schema: SchemaObject = { type: 'object' };
    if (Object.keys(properties).length) schema['properties'] = properties;
    if (required.length) schema['required'] = required;
    const index = checker
      .getIndexInfosOfType(type)
      .find((i) => i.keyType.flags & ts.TypeFlags.String);
    if (index) {
      const values = convert(index.type, false, depth + 1);
      schema['additionalProperties'] = Object.keys(values).length ? values : true;
    }
    return schema;
  };

  const nullableOf = (schema: SchemaObject): SchemaObject => {
    if (schema['$ref'] || schema['anyOf']) return { nullable: true, allOf: [schema] };
    if (Array.isArray(schema['enum']))
      return { ...schema, enum: [...schema['enum'], null], nullable: true };
    return { ...schema, nullable: true };
  };

  const names = [...named.keys()].sort();
  const schemas: Record<string, SchemaObject> = {};
  for (const name of names) {
    const type = named.get(name) as ts.Type;
    const schema = convert(type, true, 0);
    const description = describe(symbols.get(name) as ts.Symbol);
    schemas[name] = description ? { ...schema, description } : schema;
  }
  return { schemas, names };
}

/** The two written files' text: the schemas (JSON) and the name-to-type map (TypeScript). */
export function renderContractFiles(generated: GeneratedContracts): {
  schemas: string;
  types: string;
} {
  const lines = [
    '// Written by `npm run openapi:contracts` from libs/contracts; do not edit by hand.',
    "import type * as C from '@sigap/contracts';",
    '',
    '/** Every exported, non-generic contract type by name (what `@ApiAnswers` may name). */',
    'export interface ContractTypes {',
    ...generated.names.map((name) => `  ${name}: C.${name};`),
    '}',
    '',
  ];
  return { schemas: JSON.stringify(generated.schemas, null, 2) + '\n', types: lines.join('\n') };
}
