/** Where the lending screens live; the shell mounts `lendingRoutes` at the app root. */
export const lendingPaths = {
  desk: '/lending',
  newLoan: '/lending/new',
  loan: (id: number) => `/lending/${id}`,
};
