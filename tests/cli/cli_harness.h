// Runs the newsgraph executable in end-to-end tests: real files, a real store, real exit codes.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace newsgraph::testing {

namespace fs = std::filesystem;

// What a command printed and its exit status.
struct CommandResult {
  int status = -1;
  std::string out;  // stdout and stderr together
};

// Starts `newsgraph ARGUMENTS` through the shell, stderr merged into stdout; `finish` waits.
inline std::FILE* start(const std::string& arguments) {
  std::string command = std::string(NEWSGRAPH_BINARY) + " " + arguments + " 2>&1";
  return ::popen(command.c_str(), "r");
}

// Reads what a started command prints until it ends, and its exit status.
inline CommandResult finish(std::FILE* pipe) {
  CommandResult result;
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
    result.out.append(buffer.data(), n);
  }
  int raw = ::pclose(pipe);
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return result;
}

// Runs `newsgraph ARGUMENTS` to its end.
inline CommandResult run(const std::string& arguments) { return finish(start(arguments)); }

// The bytes of a file ("" when it cannot be read).
inline std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return text;
}

// A fixture with a fresh directory per test, removed afterwards.
class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / (std::string("newsgraph_") + test->test_suite_name() + "_" +
                                        test->name() + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  void write(const std::string& name, const std::string& text) const {
    fs::create_directories((dir_ / name).parent_path());
    std::ofstream(path(name), std::ios::binary) << text;
  }
  fs::path dir_;
  const std::string samples_ = std::string(NEWSGRAPH_SOURCE_DIR) + "/samples";
};

}  // namespace newsgraph::testing
