// tsconfig.engine.json maps this package here: engine/ runs under plain Node and must not import it.
// This file is deliberately not a module, so any import of the package fails the type check (TS2306).
declare const engineMustNotImportZustand: never;
