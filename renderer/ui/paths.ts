/** Where the catalogue screens live; the shell mounts `catalogueRoutes` at the app root. */
export const paths = {
  boxes: '/boxes',
  newBox: (ownerId?: number) => (ownerId === undefined ? '/boxes/new' : `/boxes/new?ownerId=${ownerId}`),
  box: (id: number) => `/boxes/${id}`,
  editBox: (id: number) => `/boxes/${id}/edit`,
  boxesOfOwner: (ownerId: number) => `/boxes?ownerId=${ownerId}`,
  owners: '/owners',
  owner: (id: number) => `/owners/${id}`,
  /** The location screen, on one cabinet's grid or none. */
  locations: (cabinetId?: number) => (cabinetId === undefined ? '/locations' : `/locations/${cabinetId}`),
};
