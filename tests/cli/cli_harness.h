// Runs the newsgraph executable in end-to-end tests: real files, a real store, real exit codes.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace newsgraph::testing {

namespace fs = std::filesystem;

// What a command printed and its exit status.
struct CommandResult {
  int status = -1;
  std::string out;  // stdout and stderr together
};

// Runs `newsgraph ARGUMENTS` through the shell; stderr is merged into `out`.
inline CommandResult run(const std::string& arguments) {
  std::string command = std::string(NEWSGRAPH_BINARY) + " " + arguments + " 2>&1";
  CommandResult result;
  std::FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.out.append(buffer.data(), n);
  int raw = ::pclose(pipe);
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return result;
}

// A fixture with a fresh directory per test, removed afterwards.
class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           (std::string("newsgraph_") + test->test_suite_name() + "_" + test->name());
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
