// The accounts feature as other code sees it: its server modules. Generated from what other code imports
// (see docs/decisions/0036); a name missing here is internal to the feature.

export { createUser, findUserByUsername, getUser, listDivisions, listUsers, setPassword, updateUser } from "./user.server";
