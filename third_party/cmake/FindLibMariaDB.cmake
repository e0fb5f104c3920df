# Finds MariaDB Connector/C (Debian: libmariadb-dev) through its pkg-config file and
# provides the imported target LibMariaDB::LibMariaDB. Debian ships no CMake package for it.
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBMARIADB QUIET IMPORTED_TARGET libmariadb)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(LibMariaDB
  REQUIRED_VARS LIBMARIADB_LINK_LIBRARIES LIBMARIADB_INCLUDE_DIRS
  VERSION_VAR LIBMARIADB_VERSION)
if(LibMariaDB_FOUND AND NOT TARGET LibMariaDB::LibMariaDB)
  add_library(LibMariaDB::LibMariaDB ALIAS PkgConfig::LIBMARIADB)
endif()
