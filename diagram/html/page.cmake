# The interactive HTML page (diagram/html): page.html with page.css, Cytoscape.js (npm package
# `cytoscape`, installed by scripts/install-deps.sh with `npm ci` in this folder) and page.js
# inlined, turned at build time into a C++ source that carries the page as string literals.
# Included from diagram/CMakeLists.txt; sets NEWSGRAPH_HTML_PAGE_SOURCES, the sources to add to
# the diagram module.
set(_html_dir ${CMAKE_CURRENT_LIST_DIR})
set(_cytoscape ${_html_dir}/node_modules/cytoscape/dist/cytoscape.min.js)
if(NOT EXISTS ${_cytoscape})
  message(FATAL_ERROR
    "The HTML diagram page needs Cytoscape.js from npm, and ${_cytoscape} is missing.\n"
    "Run scripts/install-deps.sh (or: npm ci --prefix ${_html_dir}) and configure again.")
endif()
set(_page_source ${CMAKE_CURRENT_BINARY_DIR}/html_page_template.cpp)
add_custom_command(
  OUTPUT ${_page_source}
  COMMAND ${CMAKE_COMMAND}
          -DPAGE_HTML=${_html_dir}/page.html -DPAGE_CSS=${_html_dir}/page.css
          -DPAGE_JS=${_html_dir}/page.js -DCYTOSCAPE_JS=${_cytoscape}
          -DOUTPUT=${_page_source}
          -P ${_html_dir}/embed_page.cmake
  DEPENDS ${_html_dir}/page.html ${_html_dir}/page.css ${_html_dir}/page.js ${_cytoscape}
          ${_html_dir}/embed_page.cmake ${_html_dir}/package-lock.json
  COMMENT "Inlining Cytoscape.js and the page template into html_page_template.cpp"
  VERBATIM)
set(NEWSGRAPH_HTML_PAGE_SOURCES ${_page_source})
