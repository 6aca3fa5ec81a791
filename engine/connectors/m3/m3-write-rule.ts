// Every MI call is a GET, reads and writes alike: the transaction name carries the action
// (reference/erp-apis.md B1, the ION example `CRS610MI/ChgFinancial` over GET). So "does this change
// M3?" is decided from the name, which dry-run needs to intercept writes.
//
// The rule: a transaction is a read when its name starts with one of M3's read verbs (Get, Lst,
// List, Sel, Select, Search, e.g. GetBasicData, LstByNumber, MMS060MI/List, MMS080MI/SelMtrlTrans,
// EXPORTMI/Select, SearchCustomer); every other name is a write (Add*, Chg*, Del*, Upd*, Crt*, Cpy*, Confirm,
// Release, Prc*, ...). Unknown verbs count as writes on purpose: wrongly intercepting a read in a
// dry-run costs a missing preview value, wrongly sending a write changes the ERP.

const READ_PREFIXES: readonly string[] = ['Get', 'Lst', 'List', 'Sel', 'Select', 'Search'];

/** Whether an MI transaction changes data in M3, by the rule above. */
export function isWriteTransaction(transaction: string): boolean {
  return !READ_PREFIXES.some((prefix) => {
    if (!transaction.startsWith(prefix)) return false;
    // `Get`/`Lst` must start a word: "Getaway" is not a read verb, "GetBasicData" is.
    const next = transaction.charAt(prefix.length);
    return next === '' || next === next.toUpperCase();
  });
}
